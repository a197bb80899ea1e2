variable "a" {
  type = "string"
}
variable "b" {
  type = "list"
}
variable "c" {
  type = "map"
}
variable "d" {
  type = "set"
}
variable "e" {
  type = "number"
}
variable "f" {
  type = "bool"
}
variable "g" {
  type = "String"
}
