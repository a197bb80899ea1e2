variable "subnets" {
  type    = list(string)
  default = []
}
