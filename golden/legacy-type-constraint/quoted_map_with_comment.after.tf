variable "tags" {
  type        = map(string) # keep
  description = "Tags."
}
