variable "a" {
  type = list(any)
}
variable "b" {
  type = map(any)
}
variable "c" {
  type = set(any)
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
