variable "ids" {
    type = list(any)
}

variable "names" {
    type = set(any)
}
