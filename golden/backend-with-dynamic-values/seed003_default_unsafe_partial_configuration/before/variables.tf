variable "environment_suffix" {
  type = string
}
