variable "bucket_name" {
  description = "Name of the log bucket."
  type        = string
}
