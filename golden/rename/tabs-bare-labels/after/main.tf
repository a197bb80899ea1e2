resource aws_sns_topic alarms {
	name = "alerts"
}

resource aws_sns_topic_subscription email {
	topic_arn = aws_sns_topic.alarms.arn
	protocol  = "email"
	endpoint  = "ops@example.com"
}
