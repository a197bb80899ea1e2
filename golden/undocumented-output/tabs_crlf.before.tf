output "zone" {
	value     = "a"
	sensitive = true
}
