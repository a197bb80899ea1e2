variable "a" {
  type = string
}
variable "b" {
  type = list(string)
}
variable "c" {
  type = map(string)
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
