variable "app_name" {
  description = "Name prefix for all resources."
  type        = string
  default     = "tap"
}

variable "db_instance_class" {
  description = "RDS instance class."
  type        = string
  default     = "db.t3.micro"
}
