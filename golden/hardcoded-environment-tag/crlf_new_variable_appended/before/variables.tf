variable "region" {
  type    = string
  default = "us-west-2"
}
