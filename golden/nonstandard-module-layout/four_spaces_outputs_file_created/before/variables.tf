variable "tags" {
    type = map(string)
}
