locals {
  b = "ab"[0]
}
