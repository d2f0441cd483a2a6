module fuzzplant

go 1.26
