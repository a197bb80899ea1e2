output "vpc_id" {
  value = "vpc-123"
}

output "subnet_ids" {
  value = ["subnet-1"]
}
