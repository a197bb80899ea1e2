variable "table_name" {
  description = "DynamoDB table name."
  type        = string
}

variable "read_capacity" {
  description = "Unused in on-demand mode."
  type        = number
  default     = 5
}

variable "environment" {
  description = "Deployment environment, used in tags."
  type        = string
  default     = "qa"
}
