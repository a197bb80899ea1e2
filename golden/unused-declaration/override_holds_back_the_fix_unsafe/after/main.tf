variable "size" {
  default = 1
}
