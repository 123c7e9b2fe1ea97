package text

import "testing"

func TestXMLEscape(t *testing.T) {
	if got, want := XMLEscape(`<a href="x">Tom & Jerry's</a>`+"\n"), "&lt;a href=&#34;x&#34;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;&#xA;"; got != want {
		t.Errorf("XMLEscape = %q, want %q", got, want)
	}
}
