variable "vpc_id" {
    description = "The VPC of the bastion."
    type        = string
}
