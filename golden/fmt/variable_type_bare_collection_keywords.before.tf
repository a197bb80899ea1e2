variable "a" {
  type = list
}
variable "b" {
  type = map
}
variable "c" {
  type = set
}
variable "d" {
  type = tuple
}
variable "e" {
  type = object
}
variable "f" {
  type = any
}
variable "g" {
  type = (list)
}
