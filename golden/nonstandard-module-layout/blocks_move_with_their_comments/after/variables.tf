variable "region" {
  type = string
}

# the bucket's name
variable "name" {
  type = string
}
