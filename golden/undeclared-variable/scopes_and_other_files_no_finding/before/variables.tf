variable "name" {
  type = string
}

variable "ports" {
  type = list(number)
}

variable "cidrs" {
  type = list(string)
}
