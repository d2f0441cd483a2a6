package history

import "fmt"

// Ref names operation i of h for a person: "line 18" when it came from a
// file, else "operation 5" (its index).
func (h History) Ref(i int) string { return ref(h.Operations, i) }

// Who names operation i of h with its client: "client 2 (line 18)", or
// "client 2 (operation 5)" when the history came from no file.
func (h History) Who(i int) string {
	return fmt.Sprintf("client %d (%s)", h.Operations[i].Client, ref(h.Operations, i))
}
