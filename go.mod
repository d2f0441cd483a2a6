module github.com/pcqkit/pcq

go 1.26

require (
	github.com/AdaLogics/go-fuzz-headers v0.0.0-20230811130428-ced1acdcaa24
	github.com/anishathalye/porcupine v1.3.1
	github.com/leanovate/gopter v0.2.11
	go.uber.org/goleak v1.3.0
)

require github.com/petermattis/goid v0.0.0-20261109124353-7cfa343ad0ab
