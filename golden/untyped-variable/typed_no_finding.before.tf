variable "names" {
  type    = list(string)
  default = []
}

variable "settings" {
  type = object({
    size = number
  })
}
