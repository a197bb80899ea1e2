variable "only_in_json" {}
