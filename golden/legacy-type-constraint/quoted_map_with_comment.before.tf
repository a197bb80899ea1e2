variable "tags" {
  type        = "map" # keep
  description = "Tags."
}
