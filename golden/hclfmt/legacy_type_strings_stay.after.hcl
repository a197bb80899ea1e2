variable "x" {
  type = "string"
}
variable "y" {
  type = list
}
