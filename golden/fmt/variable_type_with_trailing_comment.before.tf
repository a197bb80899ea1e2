variable "a" {
  type = list # any element type
}
variable "b" {
  type = "map" # legacy
}
