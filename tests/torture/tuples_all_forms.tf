locals {
  empty = []
  empty_nl = [
  ]
  one = [1]
  trail = [1, 2,]
  nl = [
    1,
    2,
  ]
  nl_no_trail = [
    "a",
    "b"
  ]
  nested = [[1, [2, [3]]], [], [[]]]
  blank = [

    1,

    2

  ]
  mixed_types = [1, "two", true, null, { a = 1 }, [3], var.x, f(1)]
}
