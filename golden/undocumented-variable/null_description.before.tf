variable "x" {
  description = null
}
