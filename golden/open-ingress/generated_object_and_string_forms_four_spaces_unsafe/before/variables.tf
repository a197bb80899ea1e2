variable "name" {
    type = string
}
