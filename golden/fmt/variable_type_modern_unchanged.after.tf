variable "names" {
  type    = list(string)
  default = []
}

variable "limits" {
  type = map(number)
}

variable "server" {
  type = object({
    name  = string
    ports = list(number)
  })
}
