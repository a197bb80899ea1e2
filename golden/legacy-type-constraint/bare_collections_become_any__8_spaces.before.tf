variable "ids" {
        type = list
}

variable "names" {
        type = set
}
