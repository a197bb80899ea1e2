# starts with a BOM
variable "x" {
  default = "é"
}
