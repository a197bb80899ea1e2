variable "vpc_cidr" {
  type = string
}

variable "name" {
  type    = string
  default = "main"
}
