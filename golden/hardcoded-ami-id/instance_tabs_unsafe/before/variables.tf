variable "instance_type" {
	type = string
}
