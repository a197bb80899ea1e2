variable "stage" {
  type        = string
  description = "Deployment stage"
}
