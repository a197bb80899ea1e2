# Good
// Bad
/*
  Kept as it is
*/
locals {
  a = 1
}
