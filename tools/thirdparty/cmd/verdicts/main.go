// Command verdicts runs pcq's property, stress and fuzz harnesses over
// every adapted third-party queue and writes the verdict table.
package main

import (
	"fmt"
	"os"

	"github.com/pcqkit/pcq/tools/thirdparty/verdicts"
)

func main() {
	dir, _ := os.MkdirTemp("", "verdicts-")
	vs, err := verdicts.RunAll(verdicts.Config{Artifacts: dir, Logf: func(f string, a ...any) { fmt.Printf(f+"\n", a...) }})
	if err != nil {
		fmt.Println(err)
	}
	for _, v := range vs {
		for _, o := range v.Outcomes() {
			fmt.Printf("%s\t%s\t%s\t%v\n%s\n\n", v.Library.Name, o.Harness, o.Cell(), o.Elapsed, o.Detail)
		}
	}
}
