variable "size" {
  default = 1
}

variable "other" {}
