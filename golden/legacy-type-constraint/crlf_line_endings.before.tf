variable "name" {
  type = "string"
}
