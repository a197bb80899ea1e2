variable "region" {
	type = string
}
