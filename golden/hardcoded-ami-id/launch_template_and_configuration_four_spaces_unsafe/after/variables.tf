variable "app_image_id" {
    description = "AMI of aws_launch_template.app (per region)."
    type        = string
    default     = "ami-09d56f8956ab235b3"
}

variable "legacy_workers_image_id" {
    description = "AMI of aws_launch_configuration.legacy-workers (per region)."
    type        = string
    default     = "ami-0a1b2c3d4e5f60718"
}
