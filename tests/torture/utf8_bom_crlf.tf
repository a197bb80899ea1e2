locals {
  a = "bom and crlf"
}
