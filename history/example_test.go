package history

import (
	"fmt"
	"os"
	"strings"

	"github.com/pcqkit/pcq/models"
)

func ExampleRead() {
	file := `{"model": "fifo", "capacity": 1}
{"client": 0, "op": "put", "value": 17, "call": 1051, "return": 1190, "result": "ok"}
{"client": 1, "op": "get", "value": 17, "call": 1100, "return": 1702, "result": "ok"}
{"client": 2, "op": "try_get", "call": 1203, "return": 1250, "result": "empty"}
`
	h, err := Read(strings.NewReader(file))
	fmt.Println(h.Kind, h.Capacity, len(h.Operations), err)
	_, err = Read(strings.NewReader(file + `{"client": 2, "op": "get", "call": 1300, "return": 1400}`))
	fmt.Println(err)
	// Output:
	// fifo 1 3 <nil>
	// line 5: missing field "result"
}

func ExampleWrite() {
	h := History{Kind: models.LIFO, Operations: []Operation{
		{Client: 0, Input: models.Input{Op: models.Put, Value: 17}, Call: 1051, Return: 1190},
		{Client: 1, Input: models.Input{Op: models.Get}, Output: models.Output{Value: 17}, Call: 1100, Return: 1702},
		{Client: 2, Input: models.Input{Op: models.Shutdown, Immediate: true}, Call: 1800, Return: 1900},
		{Client: 3, Input: models.Input{Op: models.Get}, Output: models.Output{Result: models.Unknown}, Call: 1400},
	}}
	if err := Write(os.Stdout, h); err != nil {
		fmt.Println(err)
	}
	// Output:
	// {"model":"lifo","capacity":0}
	// {"client":0,"op":"put","value":17,"call":1051,"return":1190,"result":"ok"}
	// {"client":1,"op":"get","value":17,"call":1100,"return":1702,"result":"ok"}
	// {"client":2,"op":"shutdown","immediate":true,"call":1800,"return":1900,"result":"ok"}
	// {"client":3,"op":"get","call":1400,"result":"unknown"}
}
