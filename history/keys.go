package history

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
)

// The keys of a line are read strictly (FORMAT.md): exactly as the format
// spells them, each at most once. encoding/json alone matches a key in any
// letter case and keeps the last value of a repeated key, so a line it
// decodes has its keys checked first.

// lineKeys are the keys a line may have: the JSON names of line's fields.
var lineKeys = func() map[string]bool {
	keys := make(map[string]bool)
	for f := range reflect.TypeFor[line]().Fields() {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		keys[name] = true
	}
	return keys
}()

// checkKeys says what is wrong with the keys of the JSON object text: a
// key the format does not define, or one given twice. It returns "" when
// they are right, and when text is not a JSON object: decoding it then
// says what is wrong.
func checkKeys(text []byte) string {
	dec := json.NewDecoder(bytes.NewReader(text))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return ""
	}
	seen := make(map[string]bool, len(lineKeys))
	for dec.More() {
		t, err := dec.Token()
		key, isKey := t.(string)
		if err != nil || !isKey {
			return ""
		}
		switch {
		case !lineKeys[key]:
			return fmt.Sprintf("unknown key %q", key)
		case seen[key]:
			return fmt.Sprintf("duplicate key %q", key)
		}
		seen[key] = true
		var value json.RawMessage
		if err := dec.Decode(&value); err != nil {
			return ""
		}
	}
	return ""
}
