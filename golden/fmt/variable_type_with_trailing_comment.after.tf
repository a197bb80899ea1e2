variable "a" {
  type = list(any) # any element type
}
variable "b" {
  type = map(string) # legacy
}
