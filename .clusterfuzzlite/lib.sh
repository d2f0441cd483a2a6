# Shell functions shared by build.sh (ClusterFuzzLite, OSS-Fuzz) and
# .ci/libfuzzer (this machine), sourced from the module's root. Both build
# in a throw-away copy of the module: go get changes its go.mod, and the
# test files are renamed.

# The go-118-fuzz-build that builds the targets; its go.mod requires the
# go-fuzz-headers that pcq's go.mod pins (pcq fuzz -merge -libfuzzer reads
# libFuzzer inputs with it): change both together.
GO118_FUZZ_BUILD=github.com/AdamKorcz/go-118-fuzz-build@v0.0.0-20250520111509-a70c2aa677fa

# fuzz_targets prints the targets to build, "<package folder> <Target>" a
# line, from .clusterfuzzlite/targets; with a regular expression, only the
# targets whose names match it.
fuzz_targets() {
  grep -Ev '^[[:space:]]*(#|$)' .clusterfuzzlite/targets | awk -v re="${1:-.}" '$2 ~ re'
}

# install_go118_fuzz_build installs go-118-fuzz-build and requires its
# testing stand-in in go.mod.
install_go118_fuzz_build() {
  go install "$GO118_FUZZ_BUILD"
  go get "${GO118_FUZZ_BUILD%@*}/testing@${GO118_FUZZ_BUILD#*@}"
}

# expose_test_files DIR renames the test files of the package in DIR
# (those of package x_test excepted) to *_test_fuzz.go: go-118-fuzz-build
# builds a package as go build does, without its _test.go files
# (github.com/AdamKorcz/go-118-fuzz-build/issues/2), but the fuzz function
# needs them. Run it once per folder, after go test has listed the targets.
expose_test_files() {
  local f
  for f in "$1"/*_test.go; do
    [ -e "$f" ] || continue
    grep -q '^package .*_test$' "$f" || mv "$f" "${f%_test.go}_test_fuzz.go"
  done
}

# build_target DIR TARGET builds $OUT/TARGET, a libFuzzer binary, as
# OSS-Fuzz's compile_native_go_fuzzer does: go-118-fuzz-build makes an
# archive, $CXX links it with $LIB_FUZZING_ENGINE.
build_target() {
  go-118-fuzz-build -o "$2.a" -func "$2" "./$1"
  # shellcheck disable=SC2086 # the flags are lists
  $CXX $CXXFLAGS $LIB_FUZZING_ENGINE "$2.a" -o "$OUT/$2"
  rm -f "$2.a" "$2.h"
}

# export_seeds DIR writes each target's testdata/fuzz corpus as libFuzzer
# inputs into DIR/<Target>/ (libFuzzer ignores f.Add: these are its seeds).
export_seeds() {
  local pkgs names
  pkgs=$(fuzz_targets "${2:-.}" | awk '{print "./" $1}' | sort -u | paste -sd, -)
  names=$(fuzz_targets "${2:-.}" | awk '{print $2}' | paste -sd'|' -)
  go run ./tools/pcq fuzz -libfuzzer-seeds "$1" -pkg "$pkgs" -run "^($names)\$"
}
