block {
  x = true
}
// final slash comment