package assets

// JSONElements is jsonElements, for the tests.
var JSONElements = jsonElements
