variable "region" {
  type = "string"
}
