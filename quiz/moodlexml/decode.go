package moodlexml

// The decoders below read a <question> from the token stream (tokens.go)
// into an xmlQuestion as xml.Decoder.DecodeElement reads it through the
// types' struct tags (which say the mapping; only the test decodes by
// them), without reflection: an element
// fills the field of its local name (a string its own character data, its
// child elements skipped; a slice one more item; a pointer the value it
// points to, made on first use), an attribute the field of its name, the
// last one given winning; anything else is skipped. Decoding the
// comprehension bank by reflection was a third of bank validate's run.
// TestDecodeQuestionAsUnmarshal holds them to DecodeElement.

// elements reads the children of the element just started, up to its end:
// each start element is handed to child, which reads it whole or reports
// false (then it is skipped), and the character data directly inside goes
// to text when text is not nil.
func elements(d *tokens, child func(t token) (bool, error), text *[]byte) error {
	for {
		t, err := d.next()
		if err != nil {
			return err
		}
		switch t.kind {
		case tokStart:
			consumed := false
			if child != nil {
				if consumed, err = child(t); err != nil {
					return err
				}
			}
			if !consumed {
				if err := d.skip(); err != nil {
					return err
				}
			}
		case tokEnd:
			return nil
		case tokText:
			if text != nil {
				*text = append(*text, t.data...)
			}
		}
	}
}

// chardata is a string field's element: its own character data, gathered
// in d's scratch buffer (no other chardata runs meanwhile: its children are
// skipped).
func chardata(d *tokens) (string, error) {
	data := d.scratch[:0]
	err := elements(d, nil, &data)
	d.scratch = data
	return string(data), err
}

// decodeText reads an xmlText (format,attr; text; file).
func decodeText(d *tokens, start token, x *xmlText) error {
	lastAttr(start, "format", &x.Format)
	return elements(d, func(t token) (bool, error) {
		return textOrFile(d, t, &x.Text, &x.Files)
	}, nil)
}

// lastAttr sets *v to start's attribute name, the last one given winning;
// it leaves *v as it is when there is none.
func lastAttr(start token, name string, v *string) {
	for _, a := range start.attr {
		if a.Name.Local == name {
			*v = a.Value
		}
	}
}

// textOrFile reads a <text> or <file> child into text or files, as each
// shape that carries them (xmlText, xmlAnswer, xmlSubquestion) reads them;
// another child is not its (false).
func textOrFile(d *tokens, t token, text *string, files *[]xmlFile) (bool, error) {
	var err error
	switch t.name.Local {
	case "text":
		*text, err = chardata(d)
	case "file":
		*files, err = appendFile(d, t, *files)
	default:
		return false, nil
	}
	return true, err
}

// appendFile reads an xmlFile (name,attr; path,attr; encoding,attr;
// ,chardata) onto files.
func appendFile(d *tokens, start token, files []xmlFile) ([]xmlFile, error) {
	var f xmlFile
	for _, a := range start.attr {
		switch a.Name.Local {
		case "name":
			f.Name = a.Value
		case "path":
			f.Path = a.Value
		case "encoding":
			f.Encoding = a.Value
		}
	}
	var err error
	f.Data, err = chardata(d)
	return append(files, f), err
}

// decodeAnswer reads an xmlAnswer (fraction,attr; format,attr; text; file;
// feedback; tolerance).
func decodeAnswer(d *tokens, start token, x *xmlAnswer) error {
	lastAttr(start, "fraction", &x.Fraction)
	lastAttr(start, "format", &x.Format)
	return elements(d, func(t token) (bool, error) {
		if ok, err := textOrFile(d, t, &x.Text, &x.Files); ok {
			return true, err
		}
		var err error
		switch t.name.Local {
		case "feedback":
			if x.Feedback == nil {
				x.Feedback = &xmlText{}
			}
			err = decodeText(d, t, x.Feedback)
		case "tolerance":
			x.Tolerance, err = chardata(d)
		default:
			return false, nil
		}
		return true, err
	}, nil)
}

// decodeSubquestion reads an xmlSubquestion (format,attr; text; file;
// answer>text).
func decodeSubquestion(d *tokens, start token, x *xmlSubquestion) error {
	lastAttr(start, "format", &x.Format)
	return elements(d, func(t token) (bool, error) {
		if ok, err := textOrFile(d, t, &x.Text, &x.Files); ok {
			return true, err
		}
		if t.name.Local != "answer" {
			return false, nil
		}
		return true, elements(d, func(t token) (bool, error) {
			if t.name.Local != "text" {
				return false, nil
			}
			var err error
			x.Answer.Text, err = chardata(d)
			return true, err
		}, nil)
	}, nil)
}

// decodeQuestion reads the <question> start has begun into x, which it
// empties first (keeping its lists' room for the next question: nothing
// built from a question keeps them).
func decodeQuestion(d *tokens, start token, x *xmlQuestion) error {
	*x = xmlQuestion{XMLName: start.name, Answers: x.Answers[:0], Subquestions: x.Subquestions[:0], Units: x.Units[:0], Tags: x.Tags[:0]}
	lastAttr(start, "type", &x.Type)
	text := func(p **xmlText, t token) error {
		if *p == nil {
			*p = &xmlText{}
		}
		return decodeText(d, t, *p)
	}
	err := elements(d, func(t token) (bool, error) {
		var err error
		switch name := t.name.Local; name {
		case "category":
			err = text(&x.Category, t)
		case "name":
			err = text(&x.Name, t)
		case "questiontext":
			err = text(&x.QuestionText, t)
		case "generalfeedback":
			err = text(&x.GeneralFeedback, t)
		case "graderinfo":
			err = text(&x.GraderInfo, t)
		case "answer":
			x.Answers = append(x.Answers, xmlAnswer{})
			err = decodeAnswer(d, t, &x.Answers[len(x.Answers)-1])
		case "subquestion":
			x.Subquestions = append(x.Subquestions, xmlSubquestion{})
			err = decodeSubquestion(d, t, &x.Subquestions[len(x.Subquestions)-1])
		case "units":
			x.Units, err = appendUnits(d, x.Units)
		case "tags":
			x.Tags, err = appendTags(d, x.Tags)
		default:
			p := x.stringField(name)
			if p == nil {
				return false, nil
			}
			*p, err = chardata(d)
		}
		return true, err
	}, nil)
	return err
}

// stringField is the string field of x that the child element of local name
// name fills with its character data, or nil when no string field has that
// name.
func (x *xmlQuestion) stringField(name string) *string {
	switch name {
	case "defaultgrade":
		return &x.DefaultGrade
	case "penalty":
		return &x.Penalty
	case "hidden":
		return &x.Hidden
	case "idnumber":
		return &x.IDNumber
	case "single":
		return &x.Single
	case "shuffleanswers":
		return &x.Shuffle
	case "usecase":
		return &x.UseCase
	case "selecttype":
		return &x.SelectType
	case "selectcount":
		return &x.SelectCount
	case "gradingtype":
		return &x.GradingType
	case "responseformat":
		return &x.ResponseFormat
	}
	return nil
}

// appendUnits reads the <units> element just started (units>unit) onto
// units: each xmlUnit (multiplier; unit_name), even one cut short by an
// error.
func appendUnits(d *tokens, units []xmlUnit) ([]xmlUnit, error) {
	err := elements(d, func(t token) (bool, error) {
		if t.name.Local != "unit" {
			return false, nil
		}
		var u xmlUnit
		err := elements(d, func(t token) (bool, error) {
			var err error
			switch t.name.Local {
			case "multiplier":
				u.Multiplier, err = chardata(d)
			case "unit_name":
				u.Name, err = chardata(d)
			default:
				return false, nil
			}
			return true, err
		}, nil)
		units = append(units, u)
		return true, err
	}, nil)
	return units, err
}

// appendTags reads the <tags> element just started (tags>tag) onto tags:
// each xmlTag (text), even one cut short by an error.
func appendTags(d *tokens, tags []xmlTag) ([]xmlTag, error) {
	err := elements(d, func(t token) (bool, error) {
		if t.name.Local != "tag" {
			return false, nil
		}
		var tag xmlTag
		err := elements(d, func(t token) (bool, error) {
			if t.name.Local != "text" {
				return false, nil
			}
			var err error
			tag.Text, err = chardata(d)
			return true, err
		}, nil)
		tags = append(tags, tag)
		return true, err
	}, nil)
	return tags, err
}
